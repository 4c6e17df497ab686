package dev.runtimes.contract.scenarios;

import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.Outcome;
import dev.runtimes.contract.harness.Target;

/** What every scenario interface needs: the target it runs against. */
public interface Scenarios {
    Target target();

    default Outcome send(Channel channel, Call call) {
        return target().send(channel, call);
    }

    default Tenants tenants() {
        return new Tenants(target());
    }
}
