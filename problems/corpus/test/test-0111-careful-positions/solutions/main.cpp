#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    cin >> s;
    for (auto &c : s) c = char((c - 'a' + 13) % 26 + 'a');
    vector<int> cnt(26, 0);
    for (char c : s) cnt[c - 'a']++;
    int best = 0;
    for (int i = 1; i < 26; i++) {
        if (cnt[i] > cnt[best]) best = i;
    }
    cout << char('a' + best) << "\n";
    return 0;
}
