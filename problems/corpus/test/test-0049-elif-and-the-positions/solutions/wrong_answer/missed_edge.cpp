#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    string b;
    for (char c : s) {
        if (string("aeiou").find(c) == string::npos && c != 'l') b += c;
    }
    cout << b << "\n";
    return 0;
}
