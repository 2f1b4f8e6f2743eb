#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<vector<long long>> a(n, vector<long long>(m));
    for (auto &row : a)
        for (auto &x : row) cin >> x;
    vector<long long> s(n, 0);
    for (int i = 0; i < n; i++) {
        for (long long x : a[i]) s[i] += x;
    }
    int best = 0;
    for (int i = 1; i < n; i++) {
        if (s[i] >= s[best]) best = i;
    }
    cout << best + 1 << "\n";
    return 0;
}
