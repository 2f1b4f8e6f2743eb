#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    vector<long long> b;
    for (long long x : a) {
        if (x < 164139739 && x % 47 != 0) b.push_back(x % 56);
    }
    if (b.empty()) cout << -1 << "\n";
    else cout << *min_element(b.begin(), b.end()) << "\n";
    return 0;
}
