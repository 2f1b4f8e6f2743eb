#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    int ans = 0;
    for (int i = 0; i + 1 < (int)s.size(); i++) {
        if (s[i] == 'f' && s[i + 1] == 'f') ans++;
    }
    cout << ans << "\n";
    return 0;
}
