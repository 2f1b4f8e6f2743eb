#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        string s;
        cin >> s;
        string b;
        for (char c : s) {
            if (c < 'f' && string("aeiou").find(c) != string::npos) b += char((c - 'a' + 21) % 26 + 'a');
        }
        if (b.empty()) cout << -1 << "\n";
        else cout << b << "\n";
    }
    return 0;
}
