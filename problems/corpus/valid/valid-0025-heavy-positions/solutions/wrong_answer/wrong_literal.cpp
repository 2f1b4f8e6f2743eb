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
        bool inside = false;
        for (char c : s) {
            if (string("aeiou").find(c) == string::npos && c != 'n') {
                if (!inside) ans++;
                inside = true;
            } else {
                inside = false;
            }
        }
        cout << ans << "\n";
    }
    return 0;
}
