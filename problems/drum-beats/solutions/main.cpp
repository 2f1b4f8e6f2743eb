#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
typedef __int128 i128;

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 0;
    while (t--) {
        ll l, r, a, b;
        scanf("%lld %lld %lld %lld", &l, &r, &a, &b);
        ll g = __gcd(a, b);
        i128 lcm = (i128)(a / g) * b;  // up to 1e36: needs 128 bits
        auto f = [&](ll x) -> ll {
            ll both = (ll)((i128)x / lcm);
            return x / a + x / b - 2 * both;
        };
        printf("%lld\n", f(r) - f(l - 1));
    }
    return 0;
}
