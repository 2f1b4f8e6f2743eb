#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    string b;
    for (char c : s) {
        if (c != 'h') b += char((c - 'a' + 8) % 26 + 'a');
    }
    if (b.empty()) cout << -1 << "\n";
    else cout << b << "\n";
    return 0;
}
