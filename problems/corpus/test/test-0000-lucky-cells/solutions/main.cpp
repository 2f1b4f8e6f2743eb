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
    bool ok = false;
    for (char c : s) {
        if (c < 'p' && string("aeiou").find(c) != string::npos) ok = true;
    }
    cout << (ok ? "YES" : "NO") << "\n";
    return 0;
}
