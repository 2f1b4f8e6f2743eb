#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    string b;
    for (char c : s) {
        if (c > 'n' && string("aeiou").find(c) == string::npos) b += char((c - 'a' + 15) % 26 + 'a');
    }
    if (b.empty()) cout << -1 << "\n";
    else cout << b << "\n";
    return 0;
}
