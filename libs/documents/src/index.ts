/** Printable notices (DOCX) with gap-free document numbers recorded on the case (issue 17). */
export {};
