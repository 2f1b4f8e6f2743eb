// Prints "Yes"/"No": the checker compares case-insensitively.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        string s;
        cin >> n >> s;
        long long dx = 0, dy = 0, q = 0;
        for (char c : s) {
            if (c == 'L') dx--;
            else if (c == 'R') dx++;
            else if (c == 'U') dy++;
            else if (c == 'D') dy--;
            else q++;
        }
        bool ok = n % 2 == 0 && llabs(dx) + llabs(dy) <= q;
        cout << (ok ? "Yes" : "No") << '\n';
    }
    return 0;
}
