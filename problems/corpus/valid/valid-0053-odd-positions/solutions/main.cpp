#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    bool ok = false;
    for (char c : s) {
        if (string("aeiou").find(c) == string::npos && c != 'j') ok = true;
    }
    cout << (ok ? "YES" : "NO") << "\n";
    return 0;
}
