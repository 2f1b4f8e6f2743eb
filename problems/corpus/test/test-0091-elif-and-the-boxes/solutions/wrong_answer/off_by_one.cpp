#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    for (int r = 0; r < n; r++) {
        vector<long long> a(m);
        for (auto &x : a) cin >> x;
        int ans = -1;
        for (int i = 0; i < (int)a.size(); i++) {
            long long x = a[i];
            if (x < 30) {
                ans = i;
            }
        }
        cout << ans << "\n";
    }
    return 0;
}
