package dev.runtimes.server.service;

/**
 * A runtime as a request names it.
 *
 * @param runtime the runtime's id or key
 */
public record RuntimeRef(String org, String workspace, String runtime) {}
