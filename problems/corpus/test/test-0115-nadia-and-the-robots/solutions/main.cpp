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
        if ((int)a.size() < 3) {
            cout << -1 << "\n";
        } else {
            long long cur = 0;
            for (int i = 0; i < 3; i++) cur += a[i];
            long long best = cur;
            for (int i = 3; i < (int)a.size(); i++) {
                cur += a[i] - a[i - 3];
                best = max(best, cur);
            }
            cout << best << "\n";
        }
    }
    return 0;
}
