#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<string> g(n);
    for (auto &row : g) cin >> row;
    int ans = 0;
    for (int i = 0; i < n; i++) {
        if (g[i].find('#') == string::npos) ans++;
    }
    for (int j = 0; j < m; j++) {
        bool ok = true;
        for (int i = 0; i < n; i++) {
            if (g[i][j] == '#') ok = false;
        }
        if (ok) ans++;
    }
    cout << ans << "\n";
    return 0;
}
