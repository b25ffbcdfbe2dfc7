package org.complaintdesk.trends;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/** Shared bits of the rollup queries in {@link TrendQueryDao}. */
final class RollupSql {
  private RollupSql() {}

  /** The keyword filter: none (null), nothing (empty) or a bound {@code <ids>} list. */
  static String keywordFilter(List<Long> keywordIds) {
    if (keywordIds == null) {
      return "";
    }
    return keywordIds.isEmpty() ? " AND 1 = 0" : " AND keyword_id IN (<ids>)";
  }

  static TrendQueryDao.BucketRow row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new TrendQueryDao.BucketRow(
        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
  }
}
