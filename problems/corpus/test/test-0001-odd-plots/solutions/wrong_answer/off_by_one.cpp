#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<long long> a(n * m);
    for (auto &x : a) cin >> x;
    vector<long long> b;
    for (long long x : a) {
        if (x % 27 != 0 && x != 851617) b.push_back(x);
    }
    cout << ((long long)b.size() > 11 ? "YES" : "NO") << "\n";
    return 0;
}
