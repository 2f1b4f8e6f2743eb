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
        int ans = -1;
        for (int i = 0; i < (int)a.size(); i++) {
            long long x = a[i];
            if (x < k && x % 2 != 0) {
                ans = i;
                break;
            }
        }
        cout << ans << "\n";
    }
    return 0;
}
