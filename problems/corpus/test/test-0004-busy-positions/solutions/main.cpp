#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    int ans = -1;
    for (int i = 0; i < (int)s.size(); i++) {
        char c = s[i];
        if (c > 'l' && c < 'n') {
            ans = i + 1;
        }
    }
    cout << ans << "\n";
    return 0;
}
