// Same construction as main.py, but the colours are grouped by decreasing frequency with ties
// broken by decreasing colour, so its answers may differ from main.py's (both are accepted).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<int> a(n);
    map<int, int> freq;
    for (auto& x : a) {
        scanf("%d", &x);
        freq[x]++;
    }
    vector<pair<int, int>> groups;  // (-count, -colour)
    for (auto [colour, count] : freq) groups.push_back({-count, -colour});
    sort(groups.begin(), groups.end());
    if (-groups[0].first > (n + 1) / 2) {
        puts("-1");
        return 0;
    }
    vector<int> row(n);
    int p = 0;
    for (auto [negCount, negColour] : groups) {
        for (int k = 0; k < -negCount; k++) {
            row[p] = -negColour;
            p += 2;
            if (p >= n) p = 1;
        }
    }
    for (int i = 0; i < n; i++) printf("%d%c", row[i], i + 1 < n ? ' ' : '\n');
    return 0;
}
