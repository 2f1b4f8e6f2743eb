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
        for (auto &x : a) x = x * 3;
        sort(a.begin(), a.end());
        if ((int)a.size() < 3) cout << -1 << "\n";
        else cout << a[3 - 1] << "\n";
    }
    return 0;
}
