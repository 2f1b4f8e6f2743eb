#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    int ans = 0;
    for (char c : s) {
        if (string("aeiou").find(c) == string::npos && c != 'b') ans++;
    }
    cout << ans << "\n";
    return 0;
}
