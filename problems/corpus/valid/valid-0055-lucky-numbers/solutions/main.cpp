#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        cin >> n;
        vector<long long> a(n);
        for (auto &x : a) cin >> x;
        for (auto &x : a) x = x * 20;
        long long take = 0, skip = 0;
        for (long long x : a) {
            long long nt = skip + x;
            skip = max(take, skip);
            take = nt;
        }
        cout << max(take, skip) << "\n";
    }
    return 0;
}
