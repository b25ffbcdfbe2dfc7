package org.complaintdesk.ingest.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One line of {@code demo/mentions.jsonl}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record DemoPost(
    String brand,
    String lang,
    String kind,
    String author,
    String name,
    long followers,
    String text) {}
