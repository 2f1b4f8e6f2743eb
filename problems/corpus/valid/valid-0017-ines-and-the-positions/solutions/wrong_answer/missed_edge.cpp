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
        int best = 0, cur = 0;
        for (char c : s) {
            if (string("aeiou").find(c) == string::npos && c != 'j') {
                cur++;
                best = max(best, cur);
            }
        }
        cout << best << "\n";
    }
    return 0;
}
