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
            if (x % 61 != 0 && x != 76) b.push_back(x * 6);
        }
        for (long long v : b) cout << v << ' ';
        cout << "\n";
    }
    return 0;
}
