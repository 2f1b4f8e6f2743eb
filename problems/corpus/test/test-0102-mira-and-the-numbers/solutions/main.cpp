#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    vector<long long> a(2);
    for (auto &x : a) cin >> x;
    vector<long long> b;
    for (long long x : a) {
        b.push_back(min(x, 6LL));
    }
    cout << accumulate(b.begin(), b.end(), 0LL) << "\n";
    return 0;
}
