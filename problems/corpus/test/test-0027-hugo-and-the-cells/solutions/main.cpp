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
        bool ok = false;
        for (long long x : a) {
            if (x >= -13 && x <= -7) ok = true;
        }
        cout << (ok ? "YES" : "NO") << "\n";
    }
    return 0;
}
