package org.complaintdesk.customers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.complaintdesk.common.Network;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CustomerRow.class)
@RegisterConstructorMapper(Identity.class)
@RegisterConstructorMapper(CustomerDao.LinkedRow.class)
interface CustomerDao {
  @SqlQuery("INSERT INTO customers (display_name, created_at) VALUES (:name, :now) RETURNING id")
  long insertCustomer(@Bind("name") String name, @Bind("now") Instant now);

  @SqlUpdate(
      """
      INSERT INTO customer_identities (customer_id, network, handle, handle_key, created_at)
      VALUES (:customerId, :network, :handle, :key, :now)
      ON CONFLICT (network, handle_key) DO NOTHING
      """)
  int insertIdentity(
      @Bind("customerId") long customerId,
      @Bind("network") Network network,
      @Bind("handle") String handle,
      @Bind("key") String key,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT id, customer_id, network, handle, created_at FROM customer_identities
      WHERE network = :network AND handle_key = :key
      """)
  Optional<Identity> findIdentity(@Bind("network") Network network, @Bind("key") String key);

  @SqlQuery("SELECT id, display_name, created_at FROM customers WHERE id = :id")
  Optional<CustomerRow> find(@Bind("id") long id);

  @SqlQuery(
      """
      SELECT id, customer_id, network, handle, created_at FROM customer_identities
      WHERE customer_id = :id ORDER BY id
      """)
  List<Identity> identities(@Bind("id") long customerId);

  @SqlUpdate("UPDATE customer_identities SET customer_id = :customerId WHERE id = :id")
  void moveIdentity(@Bind("id") long identityId, @Bind("customerId") long customerId);

  /**
   * Identities of other customers with the same handle on another network: likely the same person.
   */
  @SqlQuery(
      """
      SELECT o.id, o.customer_id, o.network, o.handle, o.created_at
      FROM customer_identities mine
      JOIN customer_identities o ON o.handle_key = mine.handle_key AND o.customer_id <> mine.customer_id
      WHERE mine.customer_id = :id ORDER BY o.id
      """)
  List<Identity> sameHandleElsewhere(@Bind("id") long customerId);

  /** An identity of the same customer as the identity with {@code handleKey} (bulk reads). */
  record LinkedRow(
      String handleKey,
      long id,
      long customerId,
      Network network,
      String handle,
      Instant createdAt) {}

  @SqlQuery(
      """
      SELECT mine.handle_key, o.id, o.customer_id, o.network, o.handle, o.created_at
      FROM customer_identities mine JOIN customer_identities o ON o.customer_id = mine.customer_id
      WHERE mine.network = :network AND mine.handle_key IN (<keys>) ORDER BY o.id
      """)
  List<LinkedRow> linked(@Bind("network") Network network, @BindList("keys") List<String> keys);
}
