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
            if (x >= 668959 && x <= 894789) b.push_back(x % 10);
        }
        cout << set<long long>(b.begin(), b.end()).size() << "\n";
    }
    return 0;
}
