#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    for (int r = 0; r < n; r++) {
        vector<long long> a(m);
        for (auto &x : a) cin >> x;
        vector<long long> b;
        for (long long x : a) {
            if (x % 2 == 0 && x > 111) b.push_back(x);
        }
        if (b.empty()) cout << -1 << "\n";
        else cout << *max_element(b.begin(), b.end()) << "\n";
    }
    return 0;
}
