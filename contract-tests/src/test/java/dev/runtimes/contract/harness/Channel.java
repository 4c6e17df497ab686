package dev.runtimes.contract.harness;

/** The two ways every scenario reaches the server. */
public enum Channel {
    /** Plain HTTP with REST Assured; every answer is validated against the spec. */
    RAW {
        @Override
        Outcome exchange(String baseUrl, Call call) {
            return RawHttp.send(baseUrl, call);
        }
    },
    /** The generated Java client ({@code dev.runtimes.client.api}); every answer is decoded by it. */
    CLIENT {
        @Override
        Outcome exchange(String baseUrl, Call call) {
            return ClientCalls.send(baseUrl, call);
        }
    };

    abstract Outcome exchange(String baseUrl, Call call);
}
