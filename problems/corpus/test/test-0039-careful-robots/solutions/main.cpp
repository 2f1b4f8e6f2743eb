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
        sort(a.begin(), a.end());
        long long total = 0;
        int ans = 0;
        for (long long x : a) {
            if (total + x > 5922644) break;
            total += x;
            ans++;
        }
        cout << ans << "\n";
    }
    return 0;
}
