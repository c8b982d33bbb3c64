package io.backupverify.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The demo's database backup: a gzip-compressed plain SQL dump of a small shop in the form {@code pg_dump} writes
 * (header, COPY blocks, constraints, closing line), restored by the demo's restore test into an embedded PostgreSQL.
 */
final class DemoShopDump {
    static final int CUSTOMERS = 200;
    static final int ORDERS = 2000;

    private DemoShopDump() {
    }

    static void write(Path file, Instant time, Random random) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file);
                PrintStream sql = new PrintStream(new GZIPOutputStream(raw), false, StandardCharsets.UTF_8)) {
            sql.print("""
                    --
                    -- PostgreSQL database dump
                    --

                    SET statement_timeout = 0;
                    SET client_encoding = 'UTF8';
                    SET standard_conforming_strings = on;
                    SELECT pg_catalog.set_config('search_path', '', false);

                    CREATE TABLE public.customers (
                        id integer NOT NULL,
                        name text NOT NULL
                    );

                    CREATE TABLE public.orders (
                        id integer NOT NULL,
                        customer integer NOT NULL,
                        total numeric(10,2) NOT NULL
                    );

                    COPY public.customers (id, name) FROM stdin;
                    """);
            for (int id = 1; id <= CUSTOMERS; id++) {
                sql.print(id + "\tcustomer " + id + "\n");
            }
            sql.print("\\.\n\nCOPY public.orders (id, customer, total) FROM stdin;\n");
            for (int id = 1; id <= ORDERS; id++) {
                int cents = 100 + random.nextInt(50_000);
                sql.print(id + "\t" + (1 + random.nextInt(CUSTOMERS)) + "\t" + cents / 100 + "."
                        + String.format("%02d", cents % 100) + "\n");
            }
            sql.print("""
                    \\.

                    ALTER TABLE ONLY public.customers ADD CONSTRAINT customers_pkey PRIMARY KEY (id);
                    ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
                    ALTER TABLE ONLY public.orders
                        ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer) REFERENCES public.customers(id);

                    --
                    -- PostgreSQL database dump complete
                    --

                    """);
        }
        Files.setLastModifiedTime(file, FileTime.from(time));
    }
}
