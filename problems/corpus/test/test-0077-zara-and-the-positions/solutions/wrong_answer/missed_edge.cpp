#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    int best = 0, cur = 0;
    for (char c : s) {
        if (string("aeiou").find(c) == string::npos && c != 't') {
            cur++;
            best = max(best, cur);
        }
    }
    cout << best << "\n";
    return 0;
}
