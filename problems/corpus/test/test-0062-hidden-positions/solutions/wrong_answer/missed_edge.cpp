#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    string b;
    for (char c : s) {
        if (c <= 'e' && string("aeiou").find(c) != string::npos) b += char((c - 'a' + 21) % 26 + 'a');
    }
    cout << b << "\n";
    return 0;
}
