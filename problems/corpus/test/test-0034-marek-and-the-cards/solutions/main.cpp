#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        long long k;
        cin >> n >> k;
        vector<long long> a(n);
        for (auto &x : a) cin >> x;
        vector<long long> b;
        for (long long x : a) {
            if (x < 0 && x % 2 != 0) b.push_back(min(x, k));
        }
        cout << accumulate(b.begin(), b.end(), 0LL) << "\n";
    }
    return 0;
}
