import { ApiProperty } from '@nestjs/swagger';
import { CommandReceiptDto } from '@bihuan/platform';

/** POST /visits/{visitId}/findings: the new finding's receipt (its id and stream), naming its visit. */
export class InspectionFindingRegisteredDto extends CommandReceiptDto {
  @ApiProperty({ description: 'The visit the finding was recorded on' }) visitId!: string;
}

/** POST /findings/{findingId}/extension-request: the receipt and the id of the extension asked for. */
export class InspectionExtensionRequestedDto extends CommandReceiptDto {
  @ApiProperty({ description: 'Cite it when approving or denying' }) extensionId!: string;
}
