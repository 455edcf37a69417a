/**
 * The feed reader of the self-check page (kiem-tra.html), built into one self-contained file
 * (`kiem-tra-doc.js`, "đọc" = read): it tries a portal's feeds with exactly the readers the elements use,
 * and needs none of the chunks whose delivery the page is checking.
 */
export { parseFeedAsync } from '@chiso/core';
