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
        if (x % 2 == 0 && x >= 0) b.push_back(x % 15);
    }
    if (b.empty()) cout << -1 << "\n";
    else cout << *min_element(b.begin(), b.end()) << "\n";
    return 0;
}
