// A catalogue entry's pages in SQL: its record's images that are not a work order's before/after
// photos. Restoration stores those photos as record images too, in the record's one sequence, so
// "the record's first image" could otherwise be a conservator's photo of the damage — shown as the
// book's thumbnail, or counting as "has images" for a book with no page scanned.
// (work_order_photo.image_id is unique, so the anti-join is one index probe per image.)

/** `from … where …` over the pages of the entry aliased `e` (images aliased `ri`). */
export const PAGES_OF_ENTRY = `from record_image ri where ri.record_id = e.record_id
    and not exists (select 1 from work_order_photo wop where wop.image_id = ri.id)`;
