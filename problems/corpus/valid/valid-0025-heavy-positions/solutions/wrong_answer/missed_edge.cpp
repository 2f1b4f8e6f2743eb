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
        int ans = 0;
        for (int i = 0; i + 1 < (int)s.size(); i++) {
            char c = s[i];
            bool here = string("aeiou").find(c) == string::npos && c != 'm';
            c = s[i + 1];
            if (here && !(string("aeiou").find(c) == string::npos && c != 'm')) ans++;
        }
        cout << ans << "\n";
    }
    return 0;
}
