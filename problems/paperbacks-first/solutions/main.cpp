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
        // dp over prefixes: ones = hardcovers so far, best = min removals for a valid prefix
        int ones = 0, best = 0;
        for (char c : s) {
            if (c == '1') {
                ones++;  // a hardcover at the end never breaks a valid prefix
            } else {
                // either remove this paperback, or keep it and remove all hardcovers so far
                best = min(best + 1, ones);
            }
        }
        cout << best << '\n';
    }
    return 0;
}
