#include "store/category_defaults.h"

#include "store/sql_util.h"

namespace rapport::store {

void clear_category_default(Database& db, Category category) {
    try {
        WriteTransaction tx(db);
        SQLite::Statement st(db.sql(), "DELETE FROM category_default WHERE category = ?");
        st.bind(1, std::string(to_key(category)));
        st.exec();
        tx.commit();
    } catch (const SQLite::Exception& e) {
        rethrow_as_data_error(e, "save the category default");
    }
}

} // namespace rapport::store
