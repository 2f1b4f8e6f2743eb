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
        for (auto &x : a) x = min(x, -587167LL);
        sort(a.begin(), a.end());
        if ((int)a.size() <= 10) cout << -1 << "\n";
        else cout << a[10 - 1] << "\n";
    }
    return 0;
}
