#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    string b;
    for (char c : s) {
        if (c > 'i' && string("aeiou").find(c) != string::npos) b += (c == 'p' ? 'e' : c);
    }
    if (b.empty()) cout << -1 << "\n";
    else cout << b << "\n";
    return 0;
}
