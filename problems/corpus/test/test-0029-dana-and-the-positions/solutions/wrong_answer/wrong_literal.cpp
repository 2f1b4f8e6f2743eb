#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    bool ok = true;
    for (char c : s) {
        if (!(c > 'i' && string("aeiou").find(c) != string::npos)) ok = false;
    }
    cout << (ok ? "YES" : "NO") << "\n";
    return 0;
}
