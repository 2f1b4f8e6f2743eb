#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    string s, row;
    for (int i = 0; i < n; i++) {
        cin >> row;
        s += row;
    }
    int ans = 0;
    for (char c : s) {
        if (c <= 'w') ans++;
    }
    cout << ans << "\n";
    return 0;
}
