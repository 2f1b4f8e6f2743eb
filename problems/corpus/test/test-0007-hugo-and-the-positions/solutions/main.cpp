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
            if (c == 'p') b += (c == 'p' ? 'u' : c);
        }
        if (b.empty()) cout << -1 << "\n";
        else cout << b << "\n";
    }
    return 0;
}
