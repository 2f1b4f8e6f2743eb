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
        for (auto &x : a) x = x * x;
        long long best = 0;
        for (int i = 1; i < (int)a.size(); i++) {
            best = max(best, abs(a[i] - a[i - 1]));
        }
        cout << best << "\n";
    }
    return 0;
}
