-- Discounts (domain/discounts.ts): each line keeps its price before discounts, its own discount
-- as given (a price override has a reason) and its share of the order discount; `amount` stays
-- what the line comes to, the PPN being on it. The order keeps its order discount as given. So an
-- old receipt shows its discounts as they were, whatever the rules or prices are now.
ALTER TABLE order_lines ADD COLUMN list_amount bigint;
UPDATE order_lines SET list_amount = amount;
ALTER TABLE order_lines ALTER COLUMN list_amount SET NOT NULL;
-- {kind: 'percent' | 'amount', value, amount, reason}
ALTER TABLE order_lines ADD COLUMN discount jsonb;
ALTER TABLE order_lines ADD COLUMN line_discount bigint NOT NULL DEFAULT 0 CHECK (line_discount >= 0);
ALTER TABLE order_lines ADD COLUMN order_discount bigint NOT NULL DEFAULT 0 CHECK (order_discount >= 0);
ALTER TABLE order_lines ADD CONSTRAINT order_lines_discounted_amount CHECK (amount = list_amount - line_discount - order_discount);
ALTER TABLE order_lines ADD CONSTRAINT order_lines_discount_given CHECK (discount IS NOT NULL OR line_discount = 0);

-- {kind, value, amount, reason}: the order discount, spread over its lines' order_discount.
ALTER TABLE orders ADD COLUMN discount jsonb;
